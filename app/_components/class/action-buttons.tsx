// The instructor page's action buttons (export, delete the class, reset or end a student's sandbox, look, answered):
// one outlined button per action, red-outlined where the action destroys something. The caller lays them out.
import styles from './class.module.css';

export interface Action {
  readonly label: string;
  readonly testId: string;
  readonly onClick: () => void;
  /** Destroys something (the class's data, a student's sandbox): outlined in red. */
  readonly danger?: boolean;
  readonly disabled?: boolean;
}

export function ActionButtons({ actions }: { actions: readonly Action[] }) {
  return (
    <>
      {actions.map(({ label, testId, onClick, danger, disabled }) => (
        <button
          key={testId}
          type="button"
          className={danger ? styles.dangerOutline : styles.secondary}
          disabled={disabled}
          onClick={onClick}
          data-testid={testId}
        >
          {label}
        </button>
      ))}
    </>
  );
}
