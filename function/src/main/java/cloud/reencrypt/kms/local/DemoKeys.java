package cloud.reencrypt.kms.local;

import java.util.Set;

/**
 * The fixed key IDs of the committed public demo keystore ({@code events/keystore.json}). Their
 * material is public: any keystore holding one of them is treated as the demo.
 */
public final class DemoKeys {
  public static final String AES_256 = "16c0b4dc-5b58-4b43-a72e-a0199f54a53e";
  public static final String SM4 = "f72de9ca-06ca-4779-822a-92af56660228";
  public static final String RSA_2048 = "f63ef793-2abf-4bd0-84f3-0938f790dcf2";
  public static final String RSA_3072 = "420f4467-4124-40c3-a7ee-a7f44ef66fc6";
  public static final String RSA_4096 = "67037cfc-7365-485e-b095-683893ae954b";
  public static final String SM2 = "9e64d200-8493-4d16-a4a0-37862c6a38ea";
  public static final String AES_256_CBC_DATAKEY = "a46920d8-33e9-41fc-9ce3-b0b99af40f3a";
  public static final String AES_256_DISABLED = "51c1da4c-a512-47a6-af66-88491836f684";
  public static final String SM4_PENDING_DELETION = "9814cdc2-1954-4ae1-a4cc-93a25326341c";

  public static final Set<String> ALL =
      Set.of(
          AES_256,
          SM4,
          RSA_2048,
          RSA_3072,
          RSA_4096,
          SM2,
          AES_256_CBC_DATAKEY,
          AES_256_DISABLED,
          SM4_PENDING_DELETION);

  private DemoKeys() {}

  public static boolean isDemo(String keyId) {
    return ALL.contains(keyId);
  }
}
