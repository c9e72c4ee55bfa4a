package cloud.reencrypt.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.huawei.services.runtime.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The FunctionGraph Java runtime's calling convention, with the runtime's own serialiser: the
 * handler class made with its public no-arg constructor, the first declared method of the handler's
 * name, the event text bound with Gson to that method's first parameter type (a raw {@code Map}
 * gets Gson's maps and lists, every number a {@code Double}; a {@code String} gets the text), and
 * the return value written with Gson as the runtime builds it ({@code serializeNulls}, no HTML
 * escaping, indented). Uses nothing of ours but the runtime stand-in, so it runs on the
 * FunctionGraph package's classpath too ({@code FunctionGraphJarIT}).
 *
 * @param instance the handler object
 * @param method the method the runtime would call
 */
public record GsonRuntime(Object instance, Method method) {
  /** The runtime's serialiser, configured as the runtime configures it. */
  public static final Gson GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();

  /**
   * Loads a handler string, {@code package.Class.method}, as the runtime does.
   *
   * @throws ReflectiveOperationException when the class, its no-arg constructor or the method is
   *     missing
   */
  public static GsonRuntime load(String handler) throws ReflectiveOperationException {
    int dot = handler.lastIndexOf('.');
    Class<?> type = Class.forName(handler.substring(0, dot));
    Object instance = type.getConstructor().newInstance();
    return of(instance, handler.substring(dot + 1));
  }

  /** A handler made by the caller (e.g. on a local store), called by the runtime's convention. */
  public static GsonRuntime of(Object instance, String methodName) throws NoSuchMethodException {
    for (Method method : instance.getClass().getDeclaredMethods()) {
      if (method.getName().equals(methodName)) {
        return new GsonRuntime(instance, method);
      }
    }
    throw new NoSuchMethodException(instance.getClass().getName() + "." + methodName);
  }

  /**
   * One invocation: the event text in, the JSON the runtime would send back out.
   *
   * @throws RuntimeException what the handler threw
   */
  public String call(String eventJson, Context context) throws IllegalAccessException {
    Class<?> type = method.getParameterTypes()[0];
    Object event = type == String.class ? eventJson : GSON.fromJson(eventJson, type);
    try {
      return GSON.toJson(method.invoke(instance, event, context));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException("the handler failed", e.getCause());
    }
  }
}
