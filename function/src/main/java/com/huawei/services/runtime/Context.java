package com.huawei.services.runtime;

/**
 * Stand-in for FunctionGraph's invocation context, written from the documented method list. The
 * platform supplies the real interface at run time; this copy is compiled against and left out of
 * the FunctionGraph package ({@code reencrypt-function-fgs.jar}).
 */
public interface Context {
  String getRequestID();

  int getRemainingTimeInMilliSeconds();

  /** Documented as no longer maintained; use the security credentials. */
  String getAccessKey();

  /** Documented as no longer maintained; use the security credentials. */
  String getSecretKey();

  String getSecurityAccessKey();

  String getSecuritySecretKey();

  String getSecurityToken();

  String getToken();

  /** A value of the function's {@code user_data} (or {@code encrypted_user_data}). */
  String getUserData(String key);

  String getFunctionName();

  int getRunningTimeInSeconds();

  String getVersion();

  int getMemorySize();

  int getCPUNumber();

  String getProjectID();

  String getPackage();

  RuntimeLogger getLogger();

  String getAlias();
}
