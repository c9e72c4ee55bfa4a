package cloud.reencrypt.terraform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves a FunctionGraph handler string ({@code package.Class.method}) in the compiled classes,
 * the way the Java runtime does: a public method of a public class taking the event and a {@code
 * com.huawei.services.runtime.Context}, callable without extra set-up (static, or on an instance
 * made with the public no-argument constructor).
 */
final class HandlerMethods {
  static final String CONTEXT = "com.huawei.services.runtime.Context";

  private HandlerMethods() {}

  static Method resolve(String handler) {
    int dot = handler.lastIndexOf('.');
    if (dot <= 0) {
      throw new AssertionError("handler is not package.Class.method: " + handler);
    }
    Class<?> type = load(handler.substring(0, dot));
    String name = handler.substring(dot + 1);
    List<Method> candidates =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals(name))
            .filter(m -> m.getParameterCount() == 2)
            .filter(m -> m.getParameterTypes()[1].getName().equals(CONTEXT))
            .toList();
    if (candidates.size() != 1) {
      throw new AssertionError(
          handler + ": expected one public method (event, " + CONTEXT + "), found " + candidates);
    }
    Method method = candidates.get(0);
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new AssertionError(handler + ": class is not public");
    }
    if (!Modifier.isStatic(method.getModifiers()) && !instantiable(type)) {
      throw new AssertionError(handler + ": no public no-argument constructor to call it on");
    }
    return method;
  }

  /**
   * Resolves an initializer or restore hook ({@code package.Class.method}): the runtime calls a
   * public method taking only the {@code Context}, looked up on the class of the function's
   * handler, on the handler's own instance; so it must name that class.
   */
  static Method resolveHook(String hook, String handler) {
    String handlerClass = handler.substring(0, handler.lastIndexOf('.'));
    int dot = hook.lastIndexOf('.');
    if (dot <= 0 || !hook.substring(0, dot).equals(handlerClass)) {
      throw new AssertionError(hook + ": not a method of the handler's class " + handlerClass);
    }
    String name = hook.substring(dot + 1);
    List<Method> candidates =
        Arrays.stream(load(handlerClass).getMethods())
            .filter(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getParameterCount() == 1)
            .filter(m -> m.getParameterTypes()[0].getName().equals(CONTEXT))
            .toList();
    if (candidates.size() != 1) {
      throw new AssertionError(hook + ": expected one public method (" + CONTEXT + ")");
    }
    return candidates.get(0);
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, HandlerMethods.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("handler class not in the build: " + className, e);
    }
  }

  private static boolean instantiable(Class<?> type) {
    if (Modifier.isAbstract(type.getModifiers())) {
      return false;
    }
    return Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
  }
}
