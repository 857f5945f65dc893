// The specs count checker processes left behind by this test process; run one at a time so they only see their own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
