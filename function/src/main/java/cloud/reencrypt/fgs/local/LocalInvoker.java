package cloud.reencrypt.fgs.local;

import cloud.reencrypt.fgs.ApigHandler;
import cloud.reencrypt.fgs.EventKind;
import cloud.reencrypt.fgs.ObsHandler;
import cloud.reencrypt.store.ObjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.huawei.services.runtime.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs the handler an event's shape calls for, the way the FunctionGraph runtime calls it: the
 * first declared method named {@code handleRequest}, the event text bound to that method's first
 * parameter type and the return value written as the runtime writes it ({@link RuntimeJson}). The
 * result is what {@code invoke} prints and the fixture tests compare.
 */
public final class LocalInvoker {
  /** The method name both handler strings end in ({@code ...ApigHandler.handleRequest}). */
  public static final String METHOD = "handleRequest";

  private final ApigHandler apig;
  private final ObsHandler obs;

  /**
   * A local function instance. Both handlers are made here, up front, as the runtime makes its
   * handler when an instance starts: their set-up (the crypto warm-up among it) then overlaps with
   * reading the event.
   *
   * @param store the object store for OBS events, or null to use OBS itself ({@code OBS_ENDPOINT})
   */
  public LocalInvoker(ObjectStore store) {
    this.apig = store == null ? new ApigHandler() : ApigHandler.withStore(store);
    this.obs = store == null ? new ObsHandler() : ObsHandler.withStore(store);
  }

  /**
   * Invokes the matching handler once.
   *
   * @param eventJson the event as the platform receives it: JSON text
   * @throws IllegalArgumentException when the event has neither an APIG nor an OBS shape
   */
  public JsonNode invoke(String eventJson, Context context) {
    return call(kind(eventJson) == EventKind.APIG ? apig : obs, eventJson, context);
  }

  /**
   * The kind of an event, and so the handler {@link #invoke} calls.
   *
   * @throws IllegalArgumentException when the event has neither an APIG nor an OBS shape
   */
  public static EventKind kind(String eventJson) {
    return EventKind.of(RuntimeJson.event(eventJson, Object.class))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the event is neither an API Gateway event (httpMethod, path, body) nor an"
                        + " OBS event (Records or a CloudEvents data)"));
  }

  /**
   * Calls a handler as the runtime does.
   *
   * @throws RuntimeException what the handler threw, unwrapped
   */
  public static JsonNode call(Object handler, String eventJson, Context context) {
    Method method = handlerMethod(handler.getClass());
    Object event = RuntimeJson.event(eventJson, method.getParameterTypes()[0]);
    try {
      return RuntimeJson.tree(method.invoke(handler, event, context));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("the handler failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(METHOD + " is not public", e);
    }
  }

  /** The first declared method of the name: the runtime's choice, so never overload it. */
  static Method handlerMethod(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.getName().equals(METHOD))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(type.getName() + " has no " + METHOD));
  }
}
