package cloud.reencrypt.kms.cloud;

/**
 * The KMS request rate one function instance may use. KMS's quota is per account, shared by every
 * instance of every function in it, so the deployment states its budget once ({@code
 * KMS_TOTAL_TPS}) with the most instances that can run at once ({@code MAX_INSTANCES}); each
 * instance takes an equal share, {@code KMS_TOTAL_TPS / MAX_INSTANCES}, so that all of them running
 * flat out still stay within the budget. {@code KMS_MAX_TPS}, a per-instance limit, wins when it is
 * lower. Either may be unset (0 here); with both unset there is no client-side limit.
 *
 * @param maxTps {@code KMS_MAX_TPS}, requests/s for this instance; 0 when unset
 * @param totalTps {@code KMS_TOTAL_TPS}, requests/s for the whole deployment; 0 when unset
 * @param maxInstances {@code MAX_INSTANCES}, at least 1
 */
public record InstanceQuota(double maxTps, double totalTps, int maxInstances) {
  public InstanceQuota {
    if (!(maxTps >= 0) || !(totalTps >= 0) || maxInstances < 1) {
      throw new IllegalArgumentException("rates must be >= 0 and maxInstances >= 1");
    }
  }

  /** This instance's requests/s: the lower of the two limits that are set; 0 means no limit. */
  public double perInstanceTps() {
    double share = totalTps / maxInstances;
    if (maxTps == 0) {
      return share;
    }
    return share == 0 ? maxTps : Math.min(maxTps, share);
  }
}
