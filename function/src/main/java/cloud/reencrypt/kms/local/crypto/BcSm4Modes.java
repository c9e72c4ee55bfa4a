package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** SM4 through Bouncy Castle's lightweight engine (no JCA provider involved). */
final class BcSm4Modes implements BlockModes {
  @Override
  public byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] aad)
      throws GeneralSecurityException {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
    gcm.init(
        encrypt,
        new AEADParameters(new KeyParameter(key), BlockCipher.GCM_TAG_LENGTH * 8, nonce, aad));
    byte[] out = new byte[gcm.getOutputSize(input.length)];
    try {
      int written = gcm.processBytes(input, 0, input.length, out, 0);
      gcm.doFinal(out, written);
      return out;
    } catch (InvalidCipherTextException e) {
      // Bouncy Castle writes plaintext before it checks the tag: none of it may leave.
      Secrets.wipe(out);
      throw new AEADBadTagException("SM4-GCM authentication failed");
    }
  }

  @Override
  public byte[] cbc(boolean encrypt, byte[] key, byte[] iv, byte[] input) {
    CBCModeCipher cbc = CBCBlockCipher.newInstance(new SM4Engine());
    cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
    byte[] out = new byte[input.length];
    for (int offset = 0; offset < input.length; offset += BlockCipher.BLOCK_LENGTH) {
      cbc.processBlock(input, offset, out, offset);
    }
    return out;
  }
}
