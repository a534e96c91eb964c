package org.loyaltyhub.passes;

/**
 * Where a member adds their card to a phone's wallet: the signed {@code .pkpass} (Apple) and the "Add to Google
 * Wallet" link, each absolute and usable without signing in (its token is the authorisation); null when the circuit
 * has not configured that wallet.
 */
public record WalletLinks(String apple, String google) {

    public static final WalletLinks NONE = new WalletLinks(null, null);

    public boolean any() {
        return apple != null || google != null;
    }
}
