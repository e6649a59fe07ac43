package com.jobsconsole.demo;

import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names for the demo jobs' ids, the way a site names them: robots by department and number
 * ({@code WS-FIN-07} on {@code vm-fin-07}), processes by what they do with a version
 * ({@code Invoice intake v3}), accounts by team. Covers every id {@link DemoJobs} uses.
 */
public final class DemoDirectory {

    /** DemoJobs' robots are 1..40, process versions 1..120, accounts 1..8. */
    static final int ROBOTS = 40;
    static final int PROCESS_VERSIONS = 120;
    static final int ACCOUNTS = 8;

    private static final String[] DEPARTMENTS = {"FIN", "HR", "OPS", "SALES", "IT", "LOG", "PROC", "CS"};
    private static final String[] PROCESSES = {"Invoice intake", "Vendor onboarding", "Payroll check",
        "Order to cash", "Bank reconciliation", "Expense audit", "Contract renewal", "Customer refund",
        "Stock count", "Shipment tracking", "New hire setup", "Leave requests", "Ticket triage", "Password reset",
        "Price update", "Credit check", "Tax report", "Timesheet reminder", "Supplier payment", "Quote approval",
        "Warranty claim", "Delivery notes", "Cash forecast", "Asset register", "Purchase orders", "Sales leads",
        "Survey digest", "Report distribution", "Data backup check", "License audit", "Travel booking",
        "Fixed assets", "Debt collection", "Claims intake", "Returns handling", "Payment matching",
        "Month-end close", "KYC review", "Customs forms", "Mail sorting"};
    private static final String[] ACCOUNT_NAMES = {"Finance", "Human resources", "Operations", "Sales", "IT service",
        "Logistics", "Procurement", "Customer service"};

    private DemoDirectory() {
    }

    public static List<DirectoryEntry> entries() {
        List<DirectoryEntry> out = new ArrayList<>();
        for (int r = 1; r <= ROBOTS; r++) {
            String dept = DEPARTMENTS[(r - 1) % DEPARTMENTS.length];
            String number = String.format("%02d", (r - 1) / DEPARTMENTS.length + 1);
            out.add(new DirectoryEntry(DirectoryKind.ROBOT, r, "WS-" + dept + "-" + number,
                    "vm-" + dept.toLowerCase(Locale.ROOT) + "-" + number, null, null));
        }
        for (int p = 1; p <= PROCESS_VERSIONS; p++) {
            String process = PROCESSES[(p - 1) % PROCESSES.length];
            out.add(new DirectoryEntry(DirectoryKind.PROCESS_VERSION, p, process,
                    "v" + ((p - 1) / PROCESSES.length + 1), null, null));
        }
        for (int a = 1; a <= ACCOUNTS; a++) {
            out.add(DirectoryEntry.of(DirectoryKind.ACCOUNT, a, ACCOUNT_NAMES[a - 1]));
        }
        return out;
    }
}
