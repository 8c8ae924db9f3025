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
    void everyKindMovesSomethingWhateverConditionAStocktakeCorrects() {
        // then
        for (StockCondition counted : StockCondition.values()) {
            assertThat(MovementKind.values()).as("counted " + counted)
                    .allMatch(k -> k.from(counted) != null || k.to(counted) != null)
                    .allMatch(k -> k.from(counted) != k.to(counted));
        }
    }

    @Test
    void stocktakeAdjustmentsCorrectTheCountedConditionOnly() {
        // then
        assertThat(MovementKind.STOCKTAKE_SURPLUS.to(StockCondition.RETURNED)).isEqualTo(StockCondition.RETURNED);
        assertThat(MovementKind.STOCKTAKE_SURPLUS.from(StockCondition.RETURNED)).isNull();
        assertThat(MovementKind.STOCKTAKE_SHORTAGE.from(StockCondition.GOOD)).isEqualTo(StockCondition.GOOD);
        assertThat(MovementKind.STOCKTAKE_SHORTAGE.to(StockCondition.GOOD)).isNull();
        assertThat(Arrays.stream(MovementKind.values()).filter(MovementKind::isAdjustment))
                .containsExactlyInAnyOrder(MovementKind.STOCKTAKE_SURPLUS, MovementKind.STOCKTAKE_SHORTAGE);
        assertThat(MovementKind.SCRAPPED.from()).isEqualTo(StockCondition.DEFECTIVE);
        assertThat(MovementKind.SCRAPPED.to()).isNull();
    }
}
