package io.fleetcare.api.part;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MovementKindTest {

    @Test
    void onlyIssuesAndReturnsOfReplacedPartsMustNameATicket() {
        // when / then
        assertThat(Arrays.stream(MovementKind.values()).filter(MovementKind::needsTicket))
                .containsExactlyInAnyOrder(MovementKind.ISSUE, MovementKind.RETURN);
    }

    @Test
    void returnedPartsAreAnalysedIntoGoodOrDefectiveStockAndDefectiveOnesLeaveToTheMaker() {
        // then
        assertThat(MovementKind.RETURN.to()).isEqualTo(StockCondition.RETURNED);
        assertThat(MovementKind.REFURBISHED.from()).isEqualTo(StockCondition.RETURNED);
        assertThat(MovementKind.REFURBISHED.to()).isEqualTo(StockCondition.GOOD);
        assertThat(MovementKind.FOUND_DEFECTIVE.from()).isEqualTo(StockCondition.RETURNED);
        assertThat(MovementKind.FOUND_DEFECTIVE.to()).isEqualTo(StockCondition.DEFECTIVE);
        assertThat(MovementKind.RETURN_TO_MAKER.from()).isEqualTo(StockCondition.DEFECTIVE);
        assertThat(MovementKind.RETURN_TO_MAKER.to()).isNull();
    }

    @Test
    void issuesTakeFromGoodStockOnlyAndReceiptsAddToIt() {
        // then
        assertThat(MovementKind.ISSUE.from()).isEqualTo(StockCondition.GOOD);
        assertThat(MovementKind.ISSUE.to()).isNull();
        assertThat(MovementKind.RECEIPT.from()).isNull();
        assertThat(MovementKind.RECEIPT.to()).isEqualTo(StockCondition.GOOD);
    }

    @Test
    void everyKindMovesSomething() {
        // then
        assertThat(MovementKind.values()).allMatch(k -> k.from() != null || k.to() != null)
                .allMatch(k -> k.from() != k.to());
    }
}
