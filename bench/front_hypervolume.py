"""The hypervolume of a search's front of (validation error, log10 parameters), both minimised, against the reference
point (error 1, 10^7 parameters); shared by the bench scripts that compare searches' fronts."""
import math


def hypervolume(rows):
    """rows: trials.csv rows (validation_error, parameter_count); trials without an error do not count."""
    points = sorted((float(r["validation_error"]), math.log10(max(1, int(r["parameter_count"]))))
                    for r in rows if r["validation_error"] not in ("", "NaN"))
    volume, best_size = 0.0, 7.0
    for error, size in points:
        if size < best_size and error < 1:
            volume += (1 - error) * (best_size - size)
            best_size = size
    return volume
