"""Read almpsim results files (HDF5) as labelled xarray and pandas objects.

    import almpsim
    stock = almpsim.cohorts("output/koege_2008.h5")["stock_cash"]   # an xarray Dataset
    table = almpsim.table("output/straksaktivering_sweep_sweep.h5")  # a tidy pandas DataFrame
    almpsim.published("output/koege_2008.h5")                        # published beside simulated
    almpsim.contrast(stock.self_support_share, reference=1)          # sweep points, paired

    # Or run the engine in this process (the compiled module, built with the program):
    base = almpsim.run("scenarios/koege_2008.toml", replications=20, threads=2)
    delays = almpsim.sweep("scenarios/koege_2008.toml", {"actors.jobcenter.immediate_activation.delay_weeks": [1, 8]},
                           replications=20, threads=2)
"""
from .engine import published, run, sweep, trace
from .results import cohorts, contrast, is_sweep, points, table, timeseries

__all__ = ["cohorts", "contrast", "is_sweep", "points", "published", "run", "sweep", "table", "timeseries", "trace"]
