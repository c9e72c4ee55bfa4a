/**
 * The FunctionGraph entry points: {@link cloud.reencrypt.fgs.ApigHandler} for API Gateway events
 * and {@link cloud.reencrypt.fgs.ObsHandler} for OBS object-created events, with the event reading
 * (the OBS event shapes bound by {@code cloud.reencrypt.mapping}) and per-instance setup they
 * share. The only package (with {@code fgs.local}) that sees the FunctionGraph runtime API; the
 * work itself is in {@code cloud.reencrypt.service}, and engines and stores are built by {@code
 * cloud.reencrypt.wiring}.
 */
package cloud.reencrypt.fgs;
