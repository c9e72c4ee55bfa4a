package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.config.Platform;
import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.service.KeyAllowList;
import cloud.reencrypt.service.ReEncryptService;
import cloud.reencrypt.wiring.EngineFactory;
import com.huawei.services.runtime.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a handler instance builds once, from the first context it sees (user data is only reachable
 * through a context): the checked configuration and the engine. That is the initializer's context
 * when FunctionGraph runs one ({@link FunctionLifecycle}), else the first invocation's; nothing is
 * built at class load, so a cold start without an initializer pays only for what the first event
 * needs. A bad configuration is reported on every invocation and never cached as if it were good.
 */
final class FunctionSetup {
  private final Map<String, String> environment;
  private final BiFunction<Configuration, Context, EngineFactory.Choice> engines;
  private volatile Ready ready;

  /**
   * @param environment the process environment, for FunctionGraph detection ({@link Platform})
   */
  FunctionSetup(Map<String, String> environment) {
    StartupWarmUp.start(environment.get(Setting.REENCRYPT_ENGINE.name()));
    this.environment = environment;
    this.engines =
        (configuration, context) ->
            EngineFactory.create(configuration, agencyKey(context), context.getProjectID());
  }

  /** A setup with another engine source: tests use it to inject an unreachable KMS. */
  FunctionSetup(
      Map<String, String> environment, Function<Configuration, EngineFactory.Choice> engines) {
    this.environment = environment;
    this.engines = (configuration, context) -> engines.apply(configuration);
  }

  /**
   * A setup whose engine source sees the context: tests use it to see which credentials built it.
   */
  FunctionSetup(
      Map<String, String> environment,
      BiFunction<Configuration, Context, EngineFactory.Choice> engines) {
    this.environment = environment;
    this.engines = engines;
  }

  /** The configuration and engine, built on first use. */
  Ready ready(Context context) {
    Ready current = ready;
    if (current == null) {
      synchronized (this) {
        current = ready;
        if (current == null) {
          current = build(context);
          ready = current;
        }
      }
    }
    return current;
  }

  /** What is built so far: empty before the first context and after {@link #forget}. */
  Optional<Ready> built() {
    return Optional.ofNullable(ready);
  }

  /**
   * Drops what was built from an earlier context (the engine with its credentials, connection pool
   * and TLS state), so the next context builds anew: the snapshot restore hook's part.
   */
  void forget() {
    synchronized (this) {
      ready = null;
    }
  }

  /** The service for one invocation: the engine bounded by the invocation's remaining time. */
  ReEncryptService service(Context context) {
    Ready setup = ready(context);
    KmsEngine engine = forInvocation(setup.engine(), context);
    Configuration configuration = setup.configuration();
    return new ReEncryptService(
        engine,
        new KeyAllowList("source", configuration.allowedSourceKeyIds()),
        new KeyAllowList("destination", configuration.allowedDestinationKeyIds()));
  }

  private Ready build(Context context) {
    try {
      Configuration configuration =
          Configuration.read(context::getUserData, Platform.isFunctionGraph(environment));
      EngineFactory.Choice choice = engines.apply(configuration, context);
      return new Ready(configuration, choice.engine(), choice.defaultDestinationKeyId());
    } catch (ConfigurationException e) {
      context.getLogger().error(e.getMessage());
      throw e;
    }
  }

  /**
   * The engine for one invocation: bounded by its remaining time and, for KMS, signing with its
   * agency credentials, which are temporary; each context carries the current ones.
   */
  private static KmsEngine forInvocation(KmsEngine engine, Context context) {
    KmsEngine bounded = engine.withRemainingTime(context::getRemainingTimeInMilliSeconds);
    return agencyKey(context).map(bounded::withCredentials).orElse(bounded);
  }

  /** The context's agency credentials (temporary AK/SK and token), when it has any. */
  static Optional<Credentials> agencyKey(Context context) {
    return Credentials.ifPresent(
        context.getSecurityAccessKey(), context.getSecuritySecretKey(), context.getSecurityToken());
  }

  /**
   * A handler instance's setup.
   *
   * @param defaultDestinationKeyId the destination key when DESTINATION_KEY_ID is unset
   */
  record Ready(
      Configuration configuration, KmsEngine engine, Optional<String> defaultDestinationKeyId) {}
}
