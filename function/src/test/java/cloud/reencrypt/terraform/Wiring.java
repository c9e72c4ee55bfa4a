package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.config.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * How the deployment's parts point at each other: which function the API routes call, which the
 * object triggers call, where they watch, and the user data and agency each function gets.
 */
final class Wiring {
  static final String FUNCTION = "huaweicloud_fgs_function";
  static final String TRIGGER = "huaweicloud_fgs_function_trigger";
  static final String API = "huaweicloud_apig_api";
  static final String BUCKET = "huaweicloud_obs_bucket";
  static final String AGENCY = "huaweicloud_identity_agency";
  static final String ASYNC_CONFIG = "huaweicloud_fgs_async_invoke_configuration";
  static final String ROLE = "huaweicloud_identity_role";

  /** The OBS function's sweep policy: list and read the buckets sweeps may sweep. */
  static final String SWEEP_READ_ROLE = ROLE + ".sweep_read";

  /** The API function's sweep policy: list those buckets, write a new sweep's start. */
  static final String SWEEP_START_ROLE = ROLE + ".sweep_start";

  /** The trigger types that deliver object-created events: the classic one and EventGrid's. */
  static final Set<String> OBJECT_TRIGGER_TYPES = Set.of("OBS", "EVENTGRID");

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

  /** The one function the API gateway routes call. */
  TfBlock apiFunction() {
    List<TfBlock> functions = apiFunctions();
    assertEquals(1, functions.size(), "functions behind the API: " + functions);
    return functions.get(0);
  }

  /** Triggers of object-created events, classic OBS and EventGrid alike. */
  List<TfBlock> objectTriggers() {
    return config.resources(TRIGGER).stream()
        .filter(t -> OBJECT_TRIGGER_TYPES.contains(String.valueOf(t.get("type"))))
        .toList();
  }

  /** The one function the object triggers call. */
  TfBlock obsFunction() {
    List<TfBlock> functions =
        objectTriggers().stream().map(this::triggeredFunction).distinct().toList();
    assertEquals(1, functions.size(), "functions behind the object triggers: " + functions);
    return functions.get(0);
  }

  TfBlock triggeredFunction(TfBlock trigger) {
    return functionByUrn(trigger.get("function_urn"), trigger.address() + ".function_urn");
  }

  /** The bucket resource a trigger watches. */
  TfBlock watchedBucket(TfBlock trigger) {
    return bucket(eventData(trigger).path("bucket"), trigger.address() + " bucket");
  }

  /** The bucket resource of the OBS function's work location ({@code WORK_BUCKET}). */
  TfBlock workBucket() {
    return bucket(userData(obsFunction()).path(Setting.WORK_BUCKET.name()), "WORK_BUCKET");
  }

  /** The bucket resource of the OBS function's outputs ({@code OUTPUT_BUCKET}). */
  TfBlock outputBucket() {
    return bucket(userData(obsFunction()).path(Setting.OUTPUT_BUCKET.name()), "OUTPUT_BUCKET");
  }

  /** Object triggers on the work bucket. */
  List<TfBlock> workTriggers() {
    TfBlock work = workBucket();
    return objectTriggers().stream().filter(t -> watchedBucket(t).equals(work)).toList();
  }

  /** Object triggers on any other bucket: where files to re-encrypt arrive. */
  List<TfBlock> inputTriggers() {
    TfBlock work = workBucket();
    return objectTriggers().stream().filter(t -> !watchedBucket(t).equals(work)).toList();
  }

  /** A bucket resource from a reference to it ({@code huaweicloud_obs_bucket.x.bucket}). */
  TfBlock bucket(Object reference, String what) {
    TfBlock bucket = config.resourceReferencedBy(HclValues.requireReference(reference, what));
    assertEquals(BUCKET, bucket.type(), what + " is not a bucket: " + bucket.address());
    return bucket;
  }

  /** The agency a function runs under. */
  TfBlock agencyOf(TfBlock function) {
    TfBlock agency =
        config.resourceReferencedBy(
            HclValues.requireReference(function.get("agency"), function.address() + ".agency"));
    assertEquals(AGENCY, agency.type(), function.address() + ".agency");
    return agency;
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
