package cloud.reencrypt.fgs.local;

import cloud.reencrypt.fgs.ApigHandler;
import cloud.reencrypt.fgs.EventKind;
import cloud.reencrypt.fgs.ObsHandler;
import cloud.reencrypt.json.Json;
import cloud.reencrypt.store.ObjectStore;
import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;

/**
 * Runs the handler an event's shape calls for, with the event mapped as the runtime maps it, and
 * returns the handler's return value as JSON: what {@code invoke} prints and the fixture tests
 * compare.
 */
public final class LocalInvoker {
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
    this.apig = new ApigHandler();
    this.obs = store == null ? new ObsHandler() : ObsHandler.withStore(store);
  }

  /**
   * Invokes the matching handler once.
   *
   * @throws IllegalArgumentException when the event has neither an APIG nor an OBS shape
   */
  public Object invoke(Object event, Context context) {
    EventKind kind =
        EventKind.of(event)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the event is neither an API Gateway event (httpMethod, path, body) nor an"
                            + " OBS event (Records or a CloudEvents data)"));
    Object result =
        switch (kind) {
          case APIG ->
              apig.handleRequest(
                  RuntimeJson.bind(Json.asObject(event), APIGTriggerEvent.class), context);
          case OBS -> obs.handleRequest(Json.asObject(event), context);
        };
    return RuntimeJson.tree(result);
  }
}
