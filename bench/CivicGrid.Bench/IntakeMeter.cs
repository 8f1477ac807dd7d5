using System.Diagnostics.Metrics;
using CivicGrid.App.Cases;

namespace CivicGrid.Bench;

/// <summary>Listens to the intake's group commits during a run: how many groups, how large, how long the writer was busy.</summary>
internal sealed class IntakeMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _cases;
    private double _busyMs;

    public IntakeMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == CaseIntake.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _cases, size);
        });
        _listener.SetMeasurementEventCallback<double>((_, ms, _, _) => _busyMs += ms);
        _listener.Start();
    }

    public string Summary(double seconds) => _groups == 0 ? "no groups written" :
        $"{_groups:N0} commits of {(double)_cases / _groups:F1} cases on average; the writer was busy {_busyMs / 10 / seconds:F0} % of the time";

    public void Dispose() => _listener.Dispose();
}
