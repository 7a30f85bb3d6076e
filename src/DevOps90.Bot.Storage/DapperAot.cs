// Every Dapper call of this assembly goes through code Dapper.AOT generates at build time: no reader or parameter
// code is emitted when the bot runs (that emission was a tenth of a second of each start, and Native AOT cannot run it).
[module: Dapper.DapperAot]
