package cloud.reencrypt.config;

/**
 * Every configuration name the code reads. In FunctionGraph each comes from the function's user
 * data ({@code context.getUserData(NAME)}); local runs read the same names from the environment.
 * This enum is the one list: the README table and the Terraform {@code user_data} are checked
 * against it.
 */
public enum Setting {
  REENCRYPT_ENGINE(
      "local", "all", "`local` (bundled engine) or `kms` (Huawei Cloud KMS via the SDK)"),
  REENCRYPT_KEYSTORE(
      "events/keystore.json",
      "local engine, `kms`, `serve`",
      "Keystore file of the local engine; the default is the public demo keystore"),
  REENCRYPT_ALLOW_LOCAL_ENGINE(
      "false", "all", "Must be `true` for the local engine to run inside FunctionGraph"),
  DESTINATION_KEY_ID(
      "",
      "OBS handler, jobs API",
      "Destination key for objects and default for manifest lines; required, except on the public"
          + " demo keystore where it defaults to the demo AES_256 key"),
  DESTINATION_ENCRYPTION_ALGORITHM(
      "SYMMETRIC_DEFAULT",
      "OBS handler, jobs API",
      "Destination algorithm for objects and manifest lines"),
  OUTPUT_BUCKET(
      "the source bucket", "OBS handler, jobs API", "Bucket the re-encrypted objects go to"),
  OUTPUT_PREFIX("reencrypted/", "OBS handler, jobs API", "Key prefix of the re-encrypted objects"),
  ALLOWED_SOURCE_KEY_IDS(
      "", "all handlers", "Comma-separated source key IDs; when set, any other key gets a 403"),
  ALLOWED_DESTINATION_KEY_IDS(
      "",
      "all handlers",
      "Comma-separated destination key IDs; when set, any other key gets a 403"),
  MAX_MANIFEST_BYTES(
      "", "OBS handler", "Largest manifest accepted, a plain safety limit; unset means no limit"),
  MANIFEST_CONCURRENCY(
      "8",
      "OBS handler",
      "Manifest lines re-encrypted at once, 1 to 64 (KMS calls wait on the network)"),
  OBS_ENDPOINT(
      "", "OBS handler, jobs API", "OBS endpoint, e.g. https://obs.cn-north-4.myhuaweicloud.com"),
  KMS_ENDPOINT("", "`kms` engine", "KMS endpoint; derived from REGION when unset"),
  REGION("", "`kms` engine", "Region ID, e.g. cn-north-4, used for the KMS endpoint"),
  RUNTIME_PROJECT_ID(
      "the context's project", "`kms` engine", "Project ID the KMS calls are made in"),
  KMS_MAX_TPS("", "`kms` engine", "Client-side rate limit in requests/s; unset means off"),
  KMS_CONNECT_TIMEOUT_MS("3000", "`kms` engine", "Connect timeout of KMS calls"),
  KMS_READ_TIMEOUT_MS("10000", "`kms` engine", "Read timeout of KMS calls"),
  KMS_MAX_ATTEMPTS("5", "`kms` engine", "Attempts per KMS call, the first included"),
  KMS_TOTAL_TPS(
      "",
      "`kms` engine",
      "Deployment-wide KMS budget in requests/s; each instance takes KMS_TOTAL_TPS / MAX_INSTANCES,"
          + " or KMS_MAX_TPS if lower; unset means off"),
  MAX_INSTANCES(
      "1",
      "`kms` engine",
      "Most instances of the deployment running at once, which share KMS_TOTAL_TPS equally;"
          + " Terraform sets it from max_instance_num"),
  WORK_BUCKET(
      "the event's bucket",
      "OBS handler, jobs API",
      "Bucket of the work location (job state, parts, continuations); never the output location"),
  WORK_PREFIX(
      ".reencrypt-work/",
      "OBS handler, jobs API",
      "Key prefix of the work location; objects there are work items, never sources"),
  PART_BYTES(
      "8388608",
      "OBS handler",
      "Manifest input bytes per part (checkpoint), cut at line boundaries; larger manifests become"
          + " resumable jobs"),
  FANOUT_BYTES(
      "67108864",
      "OBS handler",
      "Manifests above this are split into even ranges of at most this size, each run by its own"
          + " invocation"),
  JOBS_API_ENABLED(
      "false", "API handler", "`true` opens GET and DELETE /v1.0/{project_id}/kms/jobs/{id}"),
  SWEEP_ALLOWED_BUCKETS(
      "",
      "API handler",
      "Comma-separated buckets POST /v1.0/{project_id}/kms/jobs/sweep may sweep; unset: none"),
  MAX_RUNNING_JOBS("2", "API handler", "Sweeps that may run at once in the work location");

  private final String defaultValue;
  private final String readBy;
  private final String description;

  Setting(String defaultValue, String readBy, String description) {
    this.defaultValue = defaultValue;
    this.readBy = readBy;
    this.description = description;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String readBy() {
    return readBy;
  }

  public String description() {
    return description;
  }
}
