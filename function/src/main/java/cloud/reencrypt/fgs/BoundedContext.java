package cloud.reencrypt.fgs;

import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.RuntimeLogger;

/**
 * A context that reports at most a fixed budget of remaining time, and is otherwise the one it
 * wraps. The initializer's rehearsal runs under it: the engine never waits or retries past the
 * remaining time it is given, so a slow KMS costs the instance's start a few seconds, not its whole
 * initializer timeout.
 */
final class BoundedContext implements Context {
  private final Context context;
  private final long deadlineNanos;

  BoundedContext(Context context, long budgetMillis) {
    this.context = context;
    this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000;
  }

  @Override
  public int getRemainingTimeInMilliSeconds() {
    long budget = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    return (int) Math.min(budget, context.getRemainingTimeInMilliSeconds());
  }

  @Override
  public String getRequestID() {
    return context.getRequestID();
  }

  @Override
  public String getAccessKey() {
    return context.getAccessKey();
  }

  @Override
  public String getSecretKey() {
    return context.getSecretKey();
  }

  @Override
  public String getSecurityAccessKey() {
    return context.getSecurityAccessKey();
  }

  @Override
  public String getSecuritySecretKey() {
    return context.getSecuritySecretKey();
  }

  @Override
  public String getSecurityToken() {
    return context.getSecurityToken();
  }

  @Override
  public String getToken() {
    return context.getToken();
  }

  @Override
  public String getUserData(String key) {
    return context.getUserData(key);
  }

  @Override
  public String getFunctionName() {
    return context.getFunctionName();
  }

  @Override
  public int getRunningTimeInSeconds() {
    return context.getRunningTimeInSeconds();
  }

  @Override
  public String getVersion() {
    return context.getVersion();
  }

  @Override
  public int getMemorySize() {
    return context.getMemorySize();
  }

  @Override
  public int getCPUNumber() {
    return context.getCPUNumber();
  }

  @Override
  public String getProjectID() {
    return context.getProjectID();
  }

  @Override
  public String getPackage() {
    return context.getPackage();
  }

  @Override
  public RuntimeLogger getLogger() {
    return context.getLogger();
  }

  @Override
  public String getAlias() {
    return context.getAlias();
  }
}
