namespace Pyfleet.Core.Inventory;

/// <summary>How an inventory document's reader makes its strings (<see cref="InventoryReader.ReadEnvironments(InventoryStrings)"/>).</summary>
public enum InventoryStrings
{
    /// <summary>A fresh string for every value: short-lived copies, cheapest when the garbage collector runs.</summary>
    Copy,

    /// <summary>
    /// Equal values share one instance from a pool: a fleet document repeats the same names and versions hundreds of
    /// thousands of times. Pays when nothing is collected during the run (a one-shot audit in its own process).
    /// </summary>
    Share,
}
