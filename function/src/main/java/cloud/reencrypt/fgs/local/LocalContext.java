package cloud.reencrypt.fgs.local;

import cloud.reencrypt.config.ConfigurationException;
import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.RuntimeLogger;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The invocation context for local runs. User data comes from a lookup (the environment for {@code
 * invoke}); there is no agency, so the security credentials are null and the OBS store reads its
 * own environment variables instead; the deadline is {@code RUNTIME_TIMEOUT} seconds (default 900)
 * from creation, measured on an injectable clock.
 */
public final class LocalContext implements Context {
  /** Timeout when {@code RUNTIME_TIMEOUT} is unset. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 900;

  private final String requestId = newRequestId();
  private final UnaryOperator<String> userData;
  private final int timeoutSeconds;
  private final LongSupplier clockMillis;
  private final long deadlineMillis;
  private final RuntimeLogger logger;

  public LocalContext(
      UnaryOperator<String> userData,
      int timeoutSeconds,
      LongSupplier clockMillis,
      PrintStream log) {
    this.userData = userData;
    this.timeoutSeconds = timeoutSeconds;
    this.clockMillis = clockMillis;
    this.deadlineMillis = clockMillis.getAsLong() + timeoutSeconds * 1000L;
    this.logger = new StderrLogger(log, requestId);
  }

  /** A context reading user data from the process environment, logging to stderr. */
  public static LocalContext fromEnvironment() {
    return forUserData(System.getenv());
  }

  /** A context with the given user data (tests), logging to stderr. */
  public static LocalContext forUserData(Map<String, String> values) {
    return new LocalContext(
        values::get,
        timeoutSeconds(values.get("RUNTIME_TIMEOUT")),
        System::currentTimeMillis,
        System.err);
  }

  /**
   * A random version-4 UUID, the form of FunctionGraph's request IDs. A request ID must be unique,
   * not secret, so {@link ThreadLocalRandom} is enough, and it spares a cold start setting up
   * {@code SecureRandom} before the handler has even started.
   */
  private static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private static int timeoutSeconds(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_TIMEOUT_SECONDS;
    }
    try {
      int seconds = Integer.parseInt(text.trim());
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("RUNTIME_TIMEOUT must be a positive number of seconds");
  }

  @Override
  public String getRequestID() {
    return requestId;
  }

  @Override
  public int getRemainingTimeInMilliSeconds() {
    return (int) Math.max(0, deadlineMillis - clockMillis.getAsLong());
  }

  @Override
  public String getAccessKey() {
    return getSecurityAccessKey();
  }

  @Override
  public String getSecretKey() {
    return getSecuritySecretKey();
  }

  @Override
  public String getSecurityAccessKey() {
    return null;
  }

  @Override
  public String getSecuritySecretKey() {
    return null;
  }

  @Override
  public String getSecurityToken() {
    return null;
  }

  @Override
  public String getToken() {
    return null;
  }

  @Override
  public String getUserData(String key) {
    return userData.apply(key);
  }

  @Override
  public String getFunctionName() {
    return "reencrypt-local";
  }

  @Override
  public int getRunningTimeInSeconds() {
    return timeoutSeconds;
  }

  @Override
  public String getVersion() {
    return "latest";
  }

  @Override
  public int getMemorySize() {
    return (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @Override
  public int getCPUNumber() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public String getProjectID() {
    return userData.apply("RUNTIME_PROJECT_ID");
  }

  @Override
  public String getPackage() {
    return "default";
  }

  @Override
  public RuntimeLogger getLogger() {
    return logger;
  }

  @Override
  public String getAlias() {
    return "";
  }
}
