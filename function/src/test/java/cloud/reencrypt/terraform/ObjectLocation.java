package cloud.reencrypt.terraform;

/**
 * A bucket and key prefix: where a trigger watches, or where outputs are written. The bucket is the
 * Terraform expression naming it (e.g. {@code var.input_bucket_name}).
 */
record ObjectLocation(String bucket, String prefix) {

  /** Whether a key under one location can also be under the other. */
  boolean overlaps(ObjectLocation other) {
    return bucket.equals(other.bucket)
        && (prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix));
  }
}
