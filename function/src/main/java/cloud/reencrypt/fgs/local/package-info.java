/**
 * Running the handlers off FunctionGraph: a local {@link com.huawei.services.runtime.Context}
 * (request ID, deadline, logger to stderr, user data from the environment), the event mapping the
 * runtime applies, and event-shape detection for {@code invoke} and the fixture tests; {@code
 * follow}, the driver of {@code invoke --follow} and its worker processes.
 */
package cloud.reencrypt.fgs.local;
