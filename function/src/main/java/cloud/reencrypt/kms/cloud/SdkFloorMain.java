package cloud.reencrypt.kms.cloud;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import java.util.List;

/**
 * The cloud engine's cold-start baseline in {@code bench coldstart}: the shortest program a user of
 * Huawei's SDK would write for one KMS call, run in a fresh JVM. It builds the SDK's generated
 * {@code KmsClient} from {@code KMS_ENDPOINT}, {@code HUAWEICLOUD_SDK_AK}/{@code _SK} and {@code
 * HUAWEICLOUD_SDK_PROJECT_ID}, makes one EncryptData call under {@code DESTINATION_KEY_ID} (SDK
 * 3.1.143 has no generated ReEncrypt; EncryptData is the same single signed JSON POST) and prints
 * the ciphertext's length. It uses nothing of this project, so a cold {@code invoke} on the cloud
 * engine can be compared with what the SDK alone costs. It lives here because the SDK is imported
 * in this package only; it is left out of the FunctionGraph jar.
 */
public final class SdkFloorMain {
  private SdkFloorMain() {}

  public static void main(String[] args) {
    BasicCredentials credentials =
        new BasicCredentials()
            .withAk(System.getenv("HUAWEICLOUD_SDK_AK"))
            .withSk(System.getenv("HUAWEICLOUD_SDK_SK"))
            .withProjectId(System.getenv("HUAWEICLOUD_SDK_PROJECT_ID"));
    KmsClient client =
        KmsClient.newBuilder()
            .withCredential(credentials)
            .withEndpoints(List.of(System.getenv("KMS_ENDPOINT")))
            .build();
    EncryptDataRequestBody body =
        new EncryptDataRequestBody()
            .withKeyId(System.getenv("DESTINATION_KEY_ID"))
            .withPlainText("cold start payload");
    String cipherText = client.encryptData(new EncryptDataRequest().withBody(body)).getCipherText();
    System.out.println(cipherText.length());
  }
}
