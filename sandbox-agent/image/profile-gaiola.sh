# /etc/profile.d/gaiola.sh inside a gaiola sandbox: a plain, predictable environment for the lessons.
export LANG=C.UTF-8
export EDITOR=nano
