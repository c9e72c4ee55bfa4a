/**
 * {@code invoke --follow}: the local driver of a chain of invocations. The initial event runs on a
 * pool of worker processes (each a local function instance, {@link
 * cloud.reencrypt.fgs.local.follow.WorkerLoop}), and every object an invocation commits to the
 * directory store is fed back as the OBS object-created event FunctionGraph would deliver, until
 * nothing is left ({@link cloud.reencrypt.fgs.local.follow.FollowRun}). A worker that dies or a
 * record that fails temporarily gets its event delivered again, as FunctionGraph's asynchronous
 * retries do. The two sides speak {@link cloud.reencrypt.fgs.local.follow.WorkerProtocol}.
 */
package cloud.reencrypt.fgs.local.follow;
