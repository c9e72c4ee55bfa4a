package cloud.reencrypt.testing;

import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.RuntimeLogger;
import java.util.UUID;

/**
 * A FunctionGraph context for {@link GsonRuntimeMain}: user data from the process environment (the
 * runtime fills both from the same map), no agency, a fresh request ID, log lines to stderr. Uses
 * only the runtime's interfaces, so it runs beside the FunctionGraph package alone.
 */
final class EnvironmentContext implements Context, RuntimeLogger {
  private final String requestId = UUID.randomUUID().toString();

  @Override
  public String getRequestID() {
    return requestId;
  }

  @Override
  public int getRemainingTimeInMilliSeconds() {
    return 60_000;
  }

  @Override
  public String getAccessKey() {
    return null;
  }

  @Override
  public String getSecretKey() {
    return null;
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
    return System.getenv(key);
  }

  @Override
  public String getFunctionName() {
    return "reencrypt-fixtures";
  }

  @Override
  public int getRunningTimeInSeconds() {
    return 60;
  }

  @Override
  public String getVersion() {
    return "latest";
  }

  @Override
  public int getMemorySize() {
    return 512;
  }

  @Override
  public int getCPUNumber() {
    return 1;
  }

  @Override
  public String getProjectID() {
    return null;
  }

  @Override
  public String getPackage() {
    return "default";
  }

  @Override
  public RuntimeLogger getLogger() {
    return this;
  }

  @Override
  public String getAlias() {
    return "";
  }

  @Override
  public void log(String message) {
    System.err.println(requestId + " " + message);
  }

  @Override
  public void debug(String message) {
    log("DEBUG " + message);
  }

  @Override
  public void info(String message) {
    log("INFO " + message);
  }

  @Override
  public void warn(String message) {
    log("WARN " + message);
  }

  @Override
  public void error(String message) {
    log("ERROR " + message);
  }

  @Override
  public void setLevel(String level) {
    // every line goes to stderr, which the test only shows on failure
  }
}
