using System.Text;

namespace Keyless.Cli.Completion;

/// <summary>
/// The bash script: <c>complete -F _keyless keyless</c>. It finds the command words left of the cursor (skipping
/// options and <c>--color</c>'s value), then offers commands, a branch's sub-commands, an option's fixed values, the
/// command's options after a <c>-</c>, or files.
/// </summary>
internal static class BashCompletion
{
    public static string Script(CompletionModel model)
    {
        var s = new StringBuilder();
        s.Append("""
            # keyless completion for bash. Load it in this shell:   source <(keyless completion bash)
            # or for every shell:   keyless completion bash > /etc/bash_completion.d/keyless
            _keyless() {
                local cur prev cmd word i
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                cmd=""
                for ((i = 1; i < COMP_CWORD; i++)); do
                    word="${COMP_WORDS[i]}"
                    case "$word" in
                        --color) ((i++)) ;;
                        -*) ;;
                        *)
                            if [[ -z "$cmd" ]]; then cmd="$word"
            """).Append('\n');
        foreach (var (branch, _) in model.Branches)
        {
            s.Append($"                elif [[ \"$cmd\" == {branch} ]]; then cmd=\"{branch} $word\"; break\n");
        }

        s.Append("""
                            else break
                            fi ;;
                    esac
                done

            """).Append('\n');
        s.Append("    case \"$prev\" in\n        --color) COMPREPLY=($(compgen -W \"auto always never\" -- \"$cur\")); return ;;\n    esac\n");
        s.Append($"    if [[ -z \"$cmd\" ]]; then\n        COMPREPLY=($(compgen -W \"{string.Join(' ', model.TopLevel.Select(t => t.Name))} {string.Join(' ', CompletionModel.GlobalOptions)}\" -- \"$cur\"))\n        return\n    fi\n");
        s.Append("    case \"$cmd\" in\n");
        foreach (var (branch, subcommands) in model.Branches)
        {
            s.Append($"        {branch}) COMPREPLY=($(compgen -W \"{string.Join(' ', subcommands.Select(c => c.Name))}\" -- \"$cur\")); return ;;\n");
        }

        s.Append("    esac\n    case \"$cmd $prev\" in\n");
        foreach (var (key, values) in model.OptionValues)
        {
            s.Append($"        \"{key}\") COMPREPLY=($(compgen -W \"{string.Join(' ', values)}\" -- \"$cur\")); return ;;\n");
        }

        s.Append("    esac\n    if [[ \"$cur\" == -* ]]; then\n        case \"$cmd\" in\n");
        foreach (var command in model.Commands)
        {
            s.Append($"            \"{command.Name}\") COMPREPLY=($(compgen -W \"{string.Join(' ', model.Options[command.Name].Select(o => o.Name))}\" -- \"$cur\")) ;;\n");
        }

        s.Append("        esac\n        return\n    fi\n    case \"$cmd\" in\n");
        foreach (var (command, values) in model.ArgumentValueLists)
        {
            s.Append($"        \"{command}\") COMPREPLY=($(compgen -W \"{string.Join(' ', values)}\" -- \"$cur\")); return ;;\n");
        }

        s.Append("""
                esac
                COMPREPLY=($(compgen -f -- "$cur"))
            }
            complete -o filenames -o bashdefault -F _keyless keyless

            """);
        return s.ToString();
    }
}
