using System.Collections;
using System.Reflection;
using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// A workaround for LiteDB 5.0.20. After an I/O error (a full disk) LiteDB closes its engine, and the write
/// transaction it was committing keeps its finalizer registered. That finalizer runs at some later collection and
/// throws ("discarded page must be writable") on the finalizer thread, which ends the process: a worker that
/// survived the full disk would die minutes later. Once LiteDB has closed itself, <see cref="ReleaseTransactions"/>
/// unregisters the finalizers of the transactions the closed engine still knows of: nothing is left for them to do.
/// It reads LiteDB's private fields (LiteDatabase._engine, LiteEngine._monitor, TransactionMonitor._transactions and
/// _slot), checked for the version in Directory.Packages.props by
/// <c>StorageFaultTests.A_store_that_ran_out_of_disk_works_again_once_there_is_room_without_a_restart</c>; where a
/// field is missing it does nothing.
/// </summary>
internal static class ClosedLiteDb
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary>Returns how many transactions had their finalizer unregistered. Call it on the thread that ran the failed transaction.</summary>
    public static int ReleaseTransactions(LiteDatabase db)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(db);
        var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
        if (monitor is null)
        {
            return 0;
        }

        var transactions = new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (monitor.GetType().GetField("_transactions", Private)?.GetValue(monitor) is IDictionary open)
        {
            lock (open)
            {
                foreach (var transaction in open.Values)
                {
                    transactions.Add(transaction!);
                }
            }
        }

        if (monitor.GetType().GetField("_slot", Private)?.GetValue(monitor) is { } slot)
        {
            try
            {
                if (slot.GetType().GetProperty("Value")?.GetValue(slot) is { } current)
                {
                    transactions.Add(current);
                }
            }
            catch (TargetInvocationException ex) when (ex.InnerException is ObjectDisposedException)
            {
                // The engine disposed its thread slot as it closed.
            }
        }

        foreach (var transaction in transactions)
        {
            GC.SuppressFinalize(transaction);
        }

        return transactions.Count;
    }
}
