package cloud.reencrypt.testing;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The faults the real engines cannot produce on demand in a unit test: KMS becoming unreachable
 * (KMS.0104, 503) or throttling beyond every retry (APIGW.0308, 429) after some successful calls.
 * Everything else is the real demo engine.
 */
public final class FailingEngines {
  private FailingEngines() {}

  /** The demo engine, whose ReEncrypt fails with 503 after {@code successes} calls. */
  public static KmsEngine unreachableAfter(int successes) {
    return failingAfter(successes, KmsError.SERVICE_UNAVAILABLE::exception);
  }

  /** The demo engine, whose ReEncrypt is throttled (429) after {@code successes} calls. */
  public static KmsEngine throttledAfter(int successes) {
    return failingAfter(
        successes,
        () -> new KmsException("APIGW.0308", 429, "The throttling threshold was reached"));
  }

  private static KmsEngine failingAfter(int successes, Supplier<KmsException> failure) {
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
                throw failure.get();
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
