package org.loyaltyhub.purchases;

import org.loyaltyhub.programs.ProgramSettings.Stage;

/** An order's status as a shop or till reports it. */
public enum PurchaseStatus {
    CREATED(Stage.CREATED), PAID(Stage.PAID), COMPLETED(Stage.COMPLETED), PARTIALLY_REFUNDED(Stage.PAID),
    REFUNDED(Stage.PAID), CANCELLED(Stage.NONE);

    private final Stage stage;

    PurchaseStatus(Stage stage) {
        this.stage = stage;
    }

    /** The stage this status proves the order reached (a refund implies it was paid). */
    public Stage stage() {
        return stage;
    }

    public boolean voids() {
        return this == CANCELLED || this == REFUNDED;
    }
}
