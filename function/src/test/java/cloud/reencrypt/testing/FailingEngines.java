package cloud.reencrypt.testing;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsError;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one fault the real engines cannot produce on demand in a test: KMS becoming unreachable
 * (KMS.0104, 503) after some successful calls. Everything else is the real demo engine.
 */
public final class FailingEngines {
  private FailingEngines() {}

  /** The demo engine, whose ReEncrypt fails with 503 after {@code successes} calls. */
  public static KmsEngine unreachableAfter(int successes) {
    AtomicInteger calls = new AtomicInteger();
    KmsEngine real = DemoKms.engine();
    return (KmsEngine)
        Proxy.newProxyInstance(
            KmsEngine.class.getClassLoader(),
            new Class<?>[] {KmsEngine.class},
            (proxy, method, args) -> {
              if (method.getName().equals("withRemainingTime")) {
                return proxy;
              }
              if (method.getName().equals("reEncrypt") && calls.incrementAndGet() > successes) {
                throw KmsError.SERVICE_UNAVAILABLE.exception();
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
