# bash completion for naviny. The candidates come from the binary itself
# (`naviny __complete WORD...`), so they follow its commands and options.
# Installed as share/bash-completion/completions/naviny; or: source completion/naviny.bash

_naviny() {
  local line=${COMP_LINE:0:COMP_POINT}
  # Words as the shell split them at spaces only: bash splits person:Luk at the colon.
  local -a words
  read -r -a words <<<"$line"
  [[ $line == *' ' ]] && words+=("")
  local current=${words[-1]}
  local -a candidates
  mapfile -t candidates < <("${words[0]}" __complete "${words[@]:1}" 2>/dev/null)
  # bash replaces only the part of the word after the last colon.
  local before_colon=""
  if [[ $COMP_WORDBREAKS == *:* && $current == *:* ]]; then
    before_colon=${current%:*}:
  fi
  COMPREPLY=()
  local candidate
  for candidate in "${candidates[@]}"; do
    COMPREPLY+=("${candidate#"$before_colon"}")
  done
  # A field prefix (person:) is completed without the space that would end the word.
  if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *: ]]; then
    compopt -o nospace 2>/dev/null
  fi
}
complete -o default -F _naviny naviny
