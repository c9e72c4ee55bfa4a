/** The command-line tool: {@code Main} and one class per subcommand. */
package cloud.reencrypt.cli;
