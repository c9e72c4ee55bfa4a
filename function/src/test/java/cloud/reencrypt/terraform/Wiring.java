package cloud.reencrypt.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How the deployment's parts point at each other: which function the API routes call, which the OBS
 * trigger calls, and the user data each function gets.
 */
final class Wiring {
  static final String FUNCTION = "huaweicloud_fgs_function";
  static final String TRIGGER = "huaweicloud_fgs_function_trigger";
  static final String API = "huaweicloud_apig_api";

  private final TerraformConfig config;

  Wiring(TerraformConfig config) {
    this.config = config;
  }

  List<TfBlock> functions() {
    return config.resources(FUNCTION);
  }

  /** The functions the API gateway routes call. */
  List<TfBlock> apiFunctions() {
    return config.resources(API).stream()
        .flatMap(api -> HclValues.blocks(api.get("func_graph")).stream())
        .map(backend -> functionByUrn(backend.get("function_urn"), "func_graph.function_urn"))
        .distinct()
        .toList();
  }

  List<TfBlock> obsTriggers() {
    return config.resources(TRIGGER).stream().filter(t -> "OBS".equals(t.get("type"))).toList();
  }

  TfBlock triggeredFunction(TfBlock trigger) {
    return functionByUrn(trigger.get("function_urn"), trigger.address() + ".function_urn");
  }

  JsonNode userData(TfBlock function) {
    return HclValues.json(function.get("user_data"), function.address() + ".user_data");
  }

  JsonNode eventData(TfBlock trigger) {
    return HclValues.json(trigger.get("event_data"), trigger.address() + ".event_data");
  }

  private TfBlock functionByUrn(Object urn, String what) {
    TfBlock function = config.resourceReferencedBy(HclValues.requireReference(urn, what));
    if (!function.type().equals(FUNCTION)) {
      throw new AssertionError(what + " does not point at a function: " + function.address());
    }
    return function;
  }
}
