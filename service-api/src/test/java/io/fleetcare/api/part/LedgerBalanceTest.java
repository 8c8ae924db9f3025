package io.fleetcare.api.part;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerBalanceTest {

    private static final String DEPOT = "Ningbo depot";

    @Test
    void stockThatIsTheSumOfItsMovementsBalances() {
        // given
        List<LedgerBalance.Flow> flows = List.of(
                new LedgerBalance.Flow(MovementKind.RECEIPT, DEPOT, null, 5),
                new LedgerBalance.Flow(MovementKind.ISSUE, DEPOT, null, 2),
                new LedgerBalance.Flow(MovementKind.RETURN, DEPOT, null, 2),
                new LedgerBalance.Flow(MovementKind.FOUND_DEFECTIVE, DEPOT, null, 1),
                new LedgerBalance.Flow(MovementKind.STOCKTAKE_SHORTAGE, DEPOT, StockCondition.GOOD, 1),
                new LedgerBalance.Flow(MovementKind.STOCKTAKE_SURPLUS, DEPOT, StockCondition.DEFECTIVE, 2));

        // then
        assertThat(LedgerBalance.balances(List.of(
                new StockLedger.StockLine(DEPOT, StockCondition.GOOD, 2),
                new StockLedger.StockLine(DEPOT, StockCondition.RETURNED, 1),
                new StockLedger.StockLine(DEPOT, StockCondition.DEFECTIVE, 3)), flows)).isTrue();
    }

    @Test
    void stockOffByOneOrWithoutMovementsDoesNotBalance() {
        // given
        List<LedgerBalance.Flow> flows = List.of(new LedgerBalance.Flow(MovementKind.RECEIPT, DEPOT, null, 5));

        // then
        assertThat(LedgerBalance.balances(List.of(new StockLedger.StockLine(DEPOT, StockCondition.GOOD, 4)), flows))
                .isFalse();
        assertThat(LedgerBalance.balances(List.of(new StockLedger.StockLine(DEPOT, StockCondition.GOOD, 5),
                new StockLedger.StockLine("Hangzhou depot", StockCondition.GOOD, 1)), flows)).isFalse();
        assertThat(LedgerBalance.balances(List.of(), flows)).isFalse();
        assertThat(LedgerBalance.balances(List.of(new StockLedger.StockLine(DEPOT, StockCondition.GOOD, 0)),
                List.of())).isTrue();
    }
}
