// One server process at a time: the kills and timings of one test must not land on another's server.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
