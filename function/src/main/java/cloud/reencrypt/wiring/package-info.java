/**
 * The composition root: builds engines ({@code EngineFactory}), the OBS store ({@code ObsStores})
 * and, for the local tools, the local engine and its server ({@code LocalKms}) from the
 * configuration, and re-creates the engines' random sources after a snapshot restore ({@code
 * RandomSources}). It is the one package outside an engine's or a store's own that names their
 * classes: handlers, the service, the CLI and the servers see a {@code KmsEngine} and an {@code
 * ObjectStore} and never which one.
 */
package cloud.reencrypt.wiring;
