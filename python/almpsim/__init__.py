"""Read almpsim results files (HDF5) as labelled xarray and pandas objects.

    import almpsim
    stock = almpsim.cohorts("output/koege_2008.h5")["stock_cash"]   # an xarray Dataset
    table = almpsim.table("output/straksaktivering_sweep_sweep.h5")  # a tidy pandas DataFrame
    almpsim.contrast(stock.self_support_share, reference=1)          # sweep points, paired
"""
from .results import cohorts, contrast, is_sweep, points, table, timeseries

__all__ = ["cohorts", "contrast", "is_sweep", "points", "table", "timeseries"]
