/**
 * The FunctionGraph entry points: {@link cloud.reencrypt.fgs.ApigHandler} for API Gateway events
 * and {@link cloud.reencrypt.fgs.ObsHandler} for OBS object-created events, with the event parsing
 * and per-instance setup they share. The only package (with {@code fgs.local}) that sees the
 * FunctionGraph runtime API; the work itself is in {@code cloud.reencrypt.service}.
 */
package cloud.reencrypt.fgs;
