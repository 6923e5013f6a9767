using System.Net.Http;

namespace Scenario.Runtime.Http;

/// <summary>
/// A request body the transport makes anew for each attempt (<see cref="ApiRequest.Body"/>): a file
/// (<see cref="Scenario.ApiFile"/>) or a form (<see cref="FormBody"/>). A body that cannot be made twice (a stream that
/// does not seek) is sent once, and its call is not retried.
/// </summary>
public abstract class ApiBody
{
    private protected ApiBody()
    {
    }

    /// <summary>Whether the body can be sent again by a retry.</summary>
    public abstract bool CanResend { get; }

    /// <summary>The content of one attempt.</summary>
    internal abstract HttpContent CreateContent();
}
