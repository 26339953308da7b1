# bash completion for sanka: commands, their kinds and options, and member
# field names after --hide and --read-only, all read from sanka's own
# --help (so they never drift from the program).

_sanka_help() { SANKA_LANG=en sanka "$@" --help 2>/dev/null; }

_sanka_commands() {
	_sanka_help | sed -n '/^Commands:/,/^Options:/s/^  \([a-z]*\).*/\1/p' |
	    sort -u
}

_sanka_options() {
	_sanka_help "$@" | sed -n 's/^  \(--[a-z-]*\).*/\1/p'
}

_sanka_fields() {
	_sanka_help add member | sed -n 's/^  --\([a-z-]*\).*/\1/p' |
	    tr - _ | grep -v '^attr$'
}

_sanka() {
	local cur prev cmd kind i words
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd= kind=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-d|--db|-i|-o) ((i++)) ;;
		-*) ;;
		*) if [ -z "$cmd" ]; then cmd=${COMP_WORDS[i]}
		   elif [ -z "$kind" ]; then kind=${COMP_WORDS[i]}; fi ;;
		esac
	done
	case $prev in
	-d|--db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-i|-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--hide|--read-only)
		local pre=${cur%,*}, last=${cur##*,}
		[ "$pre" = "$cur," ] && pre=
		COMPREPLY=($(compgen -P "$pre" -W "$(_sanka_fields)" -- "$last"))
		return ;;
	esac
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$(_sanka_commands) -d --help --version" \
		    -- "$cur"))
		return
	fi
	case $cmd in
	add|edit|delete|show)
		if [ -z "$kind" ]; then
			COMPREPLY=($(compgen -W "member event" -- "$cur"))
			return
		fi
		words=$(_sanka_options "$cmd" "$kind") ;;
	role)	[ -z "$kind" ] && { COMPREPLY=($(compgen -W \
		    "list show add set delete" -- "$cur")); return; }
		words=$(_sanka_options role) ;;
	user)	[ -z "$kind" ] && { COMPREPLY=($(compgen -W \
		    "list set delete" -- "$cur")); return; }
		[ "$kind" != list ] && [ "$COMP_CWORD" -ge 3 ] &&
		    [ "$prev" = "$kind" ] && { COMPREPLY=($(compgen -u -- \
		    "$cur")); return; }
		words= ;;
	export)	[ -z "$kind" ] && { COMPREPLY=($(compgen -W \
		    "members events attendance" -- "$cur")); return; }
		words=$(_sanka_options export) ;;
	import)	words=$(_sanka_options import)
		[[ $cur != -* ]] && { COMPREPLY=($(compgen -f -- "$cur")); return; } ;;
	*)	words=$(_sanka_options "$cmd") ;;
	esac
	COMPREPLY=($(compgen -W "$words -d --help" -- "$cur"))
}
complete -F _sanka sanka
