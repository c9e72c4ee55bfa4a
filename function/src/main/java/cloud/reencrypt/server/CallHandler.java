package cloud.reencrypt.server;

/**
 * What a local server does with a request once it has been read: the KMS API ({@code serve}) or the
 * gateway in front of a function ({@code start-api}). It runs on a server thread, may block (the
 * engine, the function) and must not throw; an exception is answered as a 500 anyway.
 */
@FunctionalInterface
public interface CallHandler {
  HttpAnswer answer(HttpCall call);
}
