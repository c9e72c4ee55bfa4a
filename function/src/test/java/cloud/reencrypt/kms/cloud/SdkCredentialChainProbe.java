package cloud.reencrypt.kms.cloud;

/** Prints what {@link SdkCredentialChain#load()} finds, for tests that vary the environment. */
public final class SdkCredentialChainProbe {
  private SdkCredentialChainProbe() {}

  public static void main(String[] args) {
    System.out.println(
        SdkCredentialChain.load()
            .map(
                f ->
                    f.key().accessKey()
                        + " "
                        + f.key().secretKey()
                        + " "
                        + f.key().securityToken()
                        + " "
                        + f.projectId())
            .orElse("none"));
  }
}
