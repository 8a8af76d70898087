using Keyless.Emulator.Gcp;

namespace Keyless.Emulator.Tests.Gcp;

public sealed class GcpTokenStoreTests
{
    public sealed class TheIssueMethod
    {
        [Fact]
        public async Task Should_Stay_Bounded_And_Never_Fail_When_Many_Requests_Issue_At_Once()
        {
            // Given: more tokens than the store keeps, issued from several threads, as a busy STS does.
            var time = TimeProvider.System;
            var store = new GcpTokenStore(time);
            var issued = 0;

            // When
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < GcpTokenStore.MaxTokens; i++)
                {
                    var now = time.GetUtcNow();
                    var token = store.Issue("ya29.d.", new IssuedToken(null, "sa@p.iam.gserviceaccount.com", [], now, now.AddHours(1)));
                    Assert.NotNull(store.Find(token));
                    Interlocked.Increment(ref issued);
                }
            }, TestContext.Current.CancellationToken));
            await Task.WhenAll(workers);

            // Then: every issue succeeded, the store kept its bound, and the newest token is still known.
            Assert.Equal(4 * GcpTokenStore.MaxTokens, issued);
            // (Racing issuers may each forget one more than needed, never more.)
            Assert.InRange(store.Count, GcpTokenStore.MaxTokens - 4, GcpTokenStore.MaxTokens);
            var last = store.Issue("ya29.d.", new IssuedToken(null, null, [], time.GetUtcNow(), time.GetUtcNow().AddHours(1)));
            Assert.NotNull(store.Find(last));
        }

        [Fact]
        public void Should_Forget_The_Oldest_Token_First_When_The_Store_Is_Full()
        {
            // Given: a full store
            var time = TimeProvider.System;
            var store = new GcpTokenStore(time);
            var now = time.GetUtcNow();
            IssuedToken Token() => new(null, "sa@p.iam.gserviceaccount.com", [], now, now.AddHours(1));
            var first = store.Issue("ya29.d.", Token());
            var second = store.Issue("ya29.d.", Token());
            for (var i = 2; i < GcpTokenStore.MaxTokens; i++)
            {
                store.Issue("ya29.d.", Token());
            }

            Assert.NotNull(store.Find(first));

            // When: one more is issued
            var newest = store.Issue("ya29.d.", Token());

            // Then: only the first one issued is gone
            Assert.Null(store.Find(first));
            Assert.NotNull(store.Find(second));
            Assert.NotNull(store.Find(newest));
            Assert.Equal(GcpTokenStore.MaxTokens, store.Count);
        }
    }
}
