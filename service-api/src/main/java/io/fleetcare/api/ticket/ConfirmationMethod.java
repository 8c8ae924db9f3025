package io.fleetcare.api.ticket;

/**
 * How the customer confirmed that the case is resolved (seed 001 §三(二)5 "請客戶在維修記錄上簽字確認" and seed
 * 004 §3.4.2 E b: the customer signs the repair record;
 * seed 002 "二、服务流程 4. 反馈确认": once solved, the company contacts the customer to confirm it; seed 002 §2.3.7:
 * the satisfaction survey).
 */
public enum ConfirmationMethod {
    /** The customer signed the repair record of the case ({@code customerSignOff}). */
    SIGNATURE,
    /** The customer confirmed on a call. */
    CALL,
    /** The customer confirmed by e-mail. */
    EMAIL,
    /** The customer confirmed in a satisfaction survey. */
    SURVEY
}
