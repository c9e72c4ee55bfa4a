package com.huawei.services.runtime;

/** Stand-in for FunctionGraph's function logger, written from the documented method list. */
public interface RuntimeLogger {
  void log(String message);

  void debug(String message);

  void info(String message);

  void warn(String message);

  void error(String message);

  /** One of {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}. */
  void setLevel(String level);
}
