/**
 * The composition root: builds the engine and what goes with it from the configuration. It is the
 * one package outside an engine's own that names engine classes; handlers, the CLI and the servers
 * ask it for a {@code KmsEngine} and never see which one.
 */
package cloud.reencrypt.wiring;
